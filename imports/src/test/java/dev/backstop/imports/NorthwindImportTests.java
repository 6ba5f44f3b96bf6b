package dev.backstop.imports;

import static dev.backstop.imports.CsvFileTests.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real Northwind export (see src/test/resources/northwind/NOTICE.md) read as a foreign ERP file. */
class NorthwindImportTests {

    private static final HeaderMapping ORDERS = HeaderMapping.builder()
            .required("order_no", "订单号", "Order No", "orderID")
            .required("account", "经销商编码", "customerID")
            .required("order_date", "下单日期", "orderDate")
            .optional("shipped_date", "发货日期", "shippedDate")
            .optional("freight", "运费", "freight")
            .optional("ship_city", "收货城市", "shipCity")
            .build();

    private static final HeaderMapping CUSTOMERS = HeaderMapping.builder()
            .required("account", "经销商编码", "customerID")
            .required("name", "经销商名称", "companyName")
            .optional("postal_code", "邮编", "postalCode")
            .optional("region", "地区", "region")
            .build();

    @Test
    void ordersImportWithUnquotedCommaRowsRejectedAndTheRestIntact() {
        try (CsvFile csv =
                CsvFile.open(resource("orders.csv"), ORDERS, CsvOptions.detect().withNullMarkers("NULL"))) {
            assertThat(csv.charset()).contains(StandardCharsets.UTF_8);
            assertThat(csv.problems())
                    .allMatch(p -> p.code().equals(ImportCodes.COLUMN_UNKNOWN))
                    .extracting(RowError::column)
                    .containsExactly(
                            "employeeID",
                            "requiredDate",
                            "shipVia",
                            "shipName",
                            "shipAddress",
                            "shipRegion",
                            "shipPostalCode",
                            "shipCountry");

            List<CsvRow> good = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            csv.rows().forEach(row -> {
                if (row.isValid()) {
                    good.add(row);
                } else {
                    errors.addAll(row.errors());
                }
            });

            assertThat(good).hasSize(830 - 176);
            assertThat(errors).hasSize(176).allMatch(e -> e.arguments().equals(List.of("14", "15")));
            assertThat(errors.getFirst().line())
                    .as("order 10250, `Rua do Paço, 67`")
                    .isEqualTo(4);
            assertThat(good.getFirst().values())
                    .containsAllEntriesOf(
                            Map.of("order_no", "10248", "account", "VINET", "freight", "32.38", "ship_city", "Reims"));
            assertThat(good.stream()
                            .filter(row -> row.get("ship_city").orElse("").equals("Münster")))
                    .isNotEmpty();
            assertThat(Values.date(good.getFirst().get("order_date").orElseThrow())
                            .value())
                    .isEqualTo(LocalDate.of(1996, 7, 4));
        }
    }

    @Test
    void nullMarkersMeanNoValueSoUnshippedOrdersHaveNoShippedDate() {
        try (CsvFile csv =
                CsvFile.open(resource("orders.csv"), ORDERS, CsvOptions.detect().withNullMarkers("NULL"))) {
            long unshipped = csv.rows()
                    .filter(CsvRow::isValid)
                    .filter(row -> row.get("shipped_date").isEmpty())
                    .count();

            // 21 orders are unshipped; 3 of them are among the rows rejected for an unquoted comma
            assertThat(unshipped).isEqualTo(18);
        }
    }

    @Test
    void customerCodesStayStringsWithLeadingZerosAndAccents() {
        try (CsvFile csv = CsvFile.open(
                resource("customers.csv"), CUSTOMERS, CsvOptions.detect().withNullMarkers("NULL"))) {
            Map<Boolean, List<CsvRow>> byValidity = csv.rows().collect(Collectors.partitioningBy(CsvRow::isValid));

            assertThat(byValidity.get(false)).hasSize(24);
            Map<String, CsvRow> byAccount = byValidity.get(true).stream()
                    .collect(Collectors.toMap(row -> row.get("account").orElseThrow(), row -> row));
            assertThat(byAccount.get("ANATR").get("postal_code")).contains("05021");
            assertThat(byAccount.get("ANATR").get("region")).isEmpty();
            assertThat(byAccount.get("KOENE").get("name")).contains("Königlich Essen");
            assertThat(codes(byValidity.get(false).getFirst().errors())).containsExactly(ImportCodes.ROW_FIELD_COUNT);
        }
    }

    @Test
    void everyNorthwindCustomerPhoneIsANumberExceptTheCountriesAShiftedRowPutsThere() {
        try (CsvFile csv = CsvFile.open(
                resource("customers.csv"), PHONES, CsvOptions.detect().withNullMarkers("NULL"))) {
            Map<Boolean, List<String>> byParsed = csv.rows()
                    .filter(CsvRow::isValid)
                    .map(row -> row.get("phone").orElseThrow())
                    .collect(Collectors.partitioningBy(
                            phone -> Values.phone(phone).isOk()));
            assertThat(byParsed.get(true))
                    .hasSizeGreaterThan(60)
                    .contains("030-0074321", "(5) 555-4729", "(171) 555-0297");
            assertThat(byParsed.get(false)).allMatch(phone -> phone.chars().noneMatch(Character::isDigit));
        }
    }

    private static final HeaderMapping PHONES = HeaderMapping.builder()
            .required("account", "customerID")
            .required("phone", "phone")
            .build();

    private static Path resource(String name) {
        try {
            return Path.of(
                    NorthwindImportTests.class.getResource("/northwind/" + name).toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
