package dev.backstop.helpdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.imports.Values;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caller matching by number: a number as an import stores it matches the caller id however the PBX writes it. */
class PhoneNumbersTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+86 138 0013 8000|13800138000", "138-0013-8000|13800138000", "010-8888 6666|(010) 88886666",
                "+49 30 1234567|0049 30 1234567", "+49 30 1234567|+49301234567", "030-0074321|030 0074321",
                "(5) 555-4729|55554729", "0571-87654321|+86 571 8765 4321"
            })
    void anImportedNumberMatchesTheCallerIdWrittenAnotherWay(String imported, String callerId) {
        String stored = Values.phone(imported).value();
        assertThat(PhoneNumbers.digits(stored))
                .as(imported + " stored as " + stored)
                .isEqualTo(PhoneNumbers.digits(callerId));
    }
}
