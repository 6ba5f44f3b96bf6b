package dev.backstop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-22",
                "2026/11/22",
                "20261122",
                "2026年11月22日",
                "２０２６／１１／２２",
                "2026-11-22 00:00:00.000",
                " 2026-11-22 "
            })
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-22 13:45",
                "2026-11-22 13:45:00",
                "2026/11/22 13:45",
                "2026-11-22T13:45:00",
                "2026年11月22日 13:45",
                "2026年11月22日13时45分",
                "2026年11月22日 13时45分00秒",
                "202611221345",
                "20261122 134500",
                "２０２６－１１－２２　１３：４５"
            })
    void dateTimesWithTheTimeInEveryCommonForm(String text) {
        assertThat(Values.dateTime(text).value()).as(text).isEqualTo(LocalDateTime.of(2026, 11, 22, 13, 45));
    }

    @Test
    void aDateAloneIsMidnightAndABadTimeIsACode() {
        assertThat(Values.dateTime("2026年11月22日").value()).isEqualTo(LocalDateTime.of(2026, 11, 22, 0, 0));
        assertThat(Values.dateTime("2026-11-22 25:00").code()).isEqualTo(ImportCodes.VALUE_DATETIME);
        assertThat(Values.dateTime("2026-02-30 10:00").code()).isEqualTo(ImportCodes.VALUE_DATETIME);
        assertThat(Values.dateTime("noon").arguments()).containsExactly("noon");
    }

    @ParameterizedTest
    @CsvSource({"12,12", "'1,200',1200", "2.5,2.5", "12件,12", "30 pcs,30", "１２箱,12"})
    void quantitiesWithSeparatorsAndUnits(String text, String expected) {
        assertThat(Values.quantity(text).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "twelve", "1.2.3", "12 kg"})
    void aNegativeOrNonNumericQuantityIsACode(String text) {
        assertThat(Values.quantity(text).code()).isEqualTo(ImportCodes.VALUE_QUANTITY);
    }

    @Test
    void integersAndBooleans() {
        assertThat(Values.integer("1,200").value()).isEqualTo(1200L);
        assertThat(Values.integer("-3").value()).isEqualTo(-3L);
        assertThat(Values.integer("3.5").code()).isEqualTo(ImportCodes.VALUE_INTEGER);
        assertThat(Values.bool("是").value()).isTrue();
        assertThat(Values.bool("N").value()).isFalse();
        assertThat(Values.bool("TRUE").value()).isTrue();
        assertThat(Values.bool("maybe").code()).isEqualTo(ImportCodes.VALUE_BOOLEAN);
    }

    private static final Map<String, List<String>> TIERS =
            Map.of("KEY", List.of("重点", "Key account"), "GENERAL", List.of("普通", "General"));

    @ParameterizedTest
    @CsvSource({"KEY,KEY", "key,KEY", "重点,KEY", "Key Account,KEY", "普通,GENERAL", "ＧＥＮＥＲＡＬ,GENERAL"})
    void choicesByCodeOrChineseOrEnglishLabel(String text, String code) {
        assertThat(Values.choice(text, TIERS).value()).isEqualTo(code);
    }

    @Test
    void anUnknownChoiceNamesTheAcceptedCodes() {
        Values.Parsed<String> parsed = Values.choice("VIP", TIERS);

        assertThat(parsed.code()).isEqualTo(ImportCodes.VALUE_ENUM);
        assertThat(parsed.arguments()).containsExactly("VIP", "GENERAL, KEY");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "138 1234 5678|13812345678",
                "+86-138-1234-5678|13812345678",
                "0086 13812345678|13812345678",
                "(021) 6123-4567|021-61234567",
                "021-61234567|021-61234567",
                "010 8888 6666|010-88886666",
                "0571-8765432|0571-8765432",
                "0571-87654321 转 123|0571-87654321转123",
                "400-123-4567|4001234567",
                "+49 30 1234567|+49301234567",
                "１３８１２３４５６７８|13812345678",
                "0049 30 1234567|+49301234567",
                "+1 (503) 555-9931|+15035559931",
                "030-0074321|0300074321",
                "(5) 555-4729|55554729",
                "(171) 555-0297|1715550297",
                "(02) 201 24 67|022012467",
                "26.47.15.10|26471510",
                "0695-34 67 21|0695346721"
            })
    void phonesAreNormalized(String text, String expected) {
        assertThat(Values.phone(text).value()).as(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "call me", "138123456789", "021-1234", "Belgium", "+49 1", "(5) 55", "010-123"})
    void aBadPhoneIsACode(String text) {
        assertThat(Values.phone(text).code()).as(text).isEqualTo(ImportCodes.VALUE_PHONE);
    }

    @Test
    void emails() {
        assertThat(Values.email(" Li.Na@Example.COM ").value()).isEqualTo("li.na@example.com");
        assertThat(Values.email("li.na@").code()).isEqualTo(ImportCodes.VALUE_EMAIL);
    }

    @Test
    void plainMachineFormsTakeTheFastPathWithTheSameResults() {
        assertThat(Values.amount("+1234.50").value()).isEqualByComparingTo("1234.50");
        assertThat(Values.amount("1234.").code()).isEqualTo(ImportCodes.VALUE_AMOUNT);
        assertThat(Values.quantity("007").value()).isEqualByComparingTo("7");
        assertThat(Values.quantity("-0").code()).isEqualTo(ImportCodes.VALUE_QUANTITY);
        assertThat(Values.integer("0042").value()).isEqualTo(42L);
        assertThat(Values.integer("1234567890123456789").code()).isEqualTo(ImportCodes.VALUE_INTEGER);
        assertThat(Values.date("2026-02-29").code()).isEqualTo(ImportCodes.VALUE_DATE);
        assertThat(Values.date("2028-02-29").value()).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
