package dev.backstop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTests {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22", "2026/11/22", "20261122", "2026年11月22日", "２０２６／１１／２２",
            "2026-11-22 00:00:00.000", " 2026-11-22 "})
    void datesInTheFormatsChineseAndErpExportsUse(String text) {
        assertThat(Values.date(text)).isEqualTo(Values.Parsed.ok(LocalDate.of(2026, 11, 22)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "22/11/2026", "2026-11-22 13:45:00", "tomorrow", "2026年13月1日"})
    void aBadDateIsACodeWithTheValueNotAnException(String text) {
        Values.Parsed<LocalDate> parsed = Values.date(text);

        assertThat(parsed.isOk()).isFalse();
        assertThat(parsed.code()).isEqualTo(ImportCodes.VALUE_DATE);
        assertThat(parsed.arguments()).containsExactly(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234.5", "1,234.50", "¥1,234.50", "￥１，２３４．５０", "1234.5元", "RMB 1234.50", " 1234.50 "})
    void amountsWithSeparatorsCurrencySignsAndFullWidthDigits(String text) {
        Values.Parsed<BigDecimal> parsed = Values.amount(text);

        assertThat(parsed.isOk()).as(text).isTrue();
        assertThat(parsed.value()).isEqualByComparingTo("1234.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234,50", "12,34", "abc", "1 234", "¥", "--5"})
    void aBadAmountIsACode(String text) {
        assertThat(Values.amount(text).code()).isEqualTo(ImportCodes.VALUE_AMOUNT);
    }

    @Test
    void negativeAmountsKeepTheirSign() {
        assertThat(Values.amount("-12.50").value()).isEqualByComparingTo("-12.50");
    }

    @Test
    void aBlankCellIsEmptyNotInvalid() {
        assertThat(Values.date(" ").code()).isEqualTo(ImportCodes.VALUE_EMPTY);
        assertThat(Values.amount(null).code()).isEqualTo(ImportCodes.VALUE_EMPTY);
    }

    @Test
    void aFailureBecomesTheRowErrorOfItsCell() {
        assertThat(Values.date("2026-02-30").toError(7, "order_date", "2026-02-30"))
                .isEqualTo(new RowError(7, "order_date", "2026-02-30", ImportCodes.VALUE_DATE, List.of("2026-02-30")));
    }
}
