package dev.backstop.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTests {

    private static final TabularReport OVERDUE = new TabularReport(
            "逾期工单统计（2026年11月）",
            List.of("工单号", "经销商", "服务台", "逾期小时"),
            List.of(
                    List.of("CH-2026-0042", "上海华东分销有限公司", "渠道管理", 12.5),
                    List.of("HR-2026-0007", "员工关系：北京分公司", "员工关系管理", 3),
                    Arrays.asList("EX-2026-0100", "=HYPERLINK(\"http://evil\")", "服务支撑", null)));

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void aPdfShowsTheChineseTextInAnEmbeddedCjkFont() throws IOException {
        byte[] pdf = renderer.render(OVERDUE, ReportFormat.PDF);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("逾期工单统计（2026年11月）", "经销商", "上海华东分销有限公司", "员工关系管理", "12.5");
            List<PDFont> fonts = fontsOfFirstPage(document);
            // OpenPDF also lists Helvetica (a standard font every reader has) for empty cells
            assertThat(fonts)
                    .filteredOn(font -> !font.isStandard14())
                    .isNotEmpty()
                    .allSatisfy(font ->
                            assertThat(font.isEmbedded()).as(font.getName()).isTrue())
                    .extracting(PDFont::getName)
                    .anyMatch(name -> name.endsWith("+NotoSansHans-Regular")); // Source Han Sans 2014, subset
        }
    }

    @Test
    void anXlsxIsAZipWorkbookWithTheTextAndRealNumbers() throws IOException {
        Map<String, String> parts = unzip(renderer.render(OVERDUE, ReportFormat.XLSX));

        assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml");
        String sheet = parts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("xl/worksheets/sheet"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "") + sheet; // inline or shared strings
        assertThat(strings).contains("逾期工单统计（2026年11月）", "上海华东分销有限公司", "逾期小时");
        assertThat(sheet).contains("<v>12.5</v>");
    }

    @Test
    void csvHasAByteOrderMarkAndNeutralizedFormulaCells() {
        byte[] csv = renderer.render(OVERDUE, ReportFormat.CSV);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("""
                工单号,经销商,服务台,逾期小时\r
                CH-2026-0042,上海华东分销有限公司,渠道管理,12.5\r
                HR-2026-0007,员工关系：北京分公司,员工关系管理,3\r
                EX-2026-0100,"'=HYPERLINK(""http://evil"")",服务支撑,\r
                """);
    }

    @Test
    void htmlIsOnePageOfUtf8WithTheCjkFontFamily() {
        String html = new String(renderer.render(OVERDUE, ReportFormat.HTML), StandardCharsets.UTF_8);

        assertThat(html).contains("逾期工单统计（2026年11月）", "上海华东分销有限公司", "思源黑体正常").doesNotContain("<script");
    }

    @Test
    void anEmptyReportStillShowsTitleAndHeadings() throws IOException {
        TabularReport empty = new TabularReport("本月无逾期", List.of("工单号", "经销商"), List.of());

        try (PDDocument document = Loader.loadPDF(renderer.render(empty, ReportFormat.PDF))) {
            assertThat(new PDFTextStripper().getText(document)).contains("本月无逾期", "工单号", "经销商");
        }
    }

    @Test
    void aLongReportRunsOverSeveralPdfPagesWithTheHeadingsOnEach() throws IOException {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("T-" + i, "分销商" + i, new BigDecimal(i)));
        }
        TabularReport longReport = new TabularReport("工单清单", List.of("工单号", "经销商", "金额"), rows);

        try (PDDocument document = Loader.loadPDF(renderer.render(longReport, ReportFormat.PDF))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            assertThat(lastPage.getText(document)).contains("经销商", "分销商120");
        }
    }

    @Test
    void rowsMustFitTheColumnsAndHoldOnlyTextOrNumbers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TabularReport("t", List.of("a", "b"), List.of(List.of("only one"))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TabularReport("t", List.of("a"), List.of(List.of(java.time.LocalDate.now()))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TabularReport("t", List.of("a"), List.of(List.of(Double.NaN))));
    }

    private static List<PDFont> fontsOfFirstPage(PDDocument document) throws IOException {
        var resources = document.getPage(0).getResources();
        List<PDFont> fonts = new java.util.ArrayList<>();
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts;
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
