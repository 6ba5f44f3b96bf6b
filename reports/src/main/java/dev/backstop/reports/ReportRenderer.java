package dev.backstop.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Renders a {@link TabularReport} to PDF (Chinese text in an embedded Source Han Sans), XLSX (one
 * sheet, numbers as numbers), HTML (one page) or CSV (UTF-8 with BOM, formula cells neutralized).
 * Thread-safe; compiles the design on every call (~a second), which is fine for reports run on
 * request. Later issues: templates from JRXML, a cache of compiled designs, charts.
 */
public final class ReportRenderer {

    public byte[] render(TabularReport report, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(report, format, out);
        return out.toByteArray();
    }

    /** Writes the report to the stream; does not close it. */
    public void render(TabularReport report, ReportFormat format, OutputStream out) {
        try {
            if (format == ReportFormat.CSV) {
                CsvOutput.write(report, out);
                return;
            }
            JasperPrint print = fill(report, format != ReportFormat.PDF);
            switch (format) {
                case PDF -> pdf(print, out);
                case XLSX -> xlsx(print, out);
                case HTML -> html(print, out);
                default -> throw new IllegalArgumentException("Unsupported format " + format);
            }
        } catch (JRException ex) {
            throw new ReportRenderingFailed("Cannot render report '" + report.title() + "' as " + format, ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static JasperPrint fill(TabularReport report, boolean onePage) throws JRException {
        Map<String, Object> parameters = new HashMap<>(); // Jasper adds its own entries to this map
        parameters.put(JRParameter.IS_IGNORE_PAGINATION, onePage);
        return JasperFillManager.fillReport(TabularDesign.compile(report), parameters, new Rows(report.rows()));
    }

    private static void pdf(JasperPrint print, OutputStream out) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
    }

    private static void xlsx(JasperPrint print, OutputStream out) throws JRException {
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setDetectCellType(true);
        configuration.setOnePagePerSheet(false);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setWhitePageBackground(false);
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private static void html(JasperPrint print, OutputStream out) throws JRException {
        HtmlExporter exporter = new HtmlExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, "UTF-8"));
        exporter.exportReport();
    }

    /** The rows as a Jasper data source; numbers become BigDecimal for number columns. */
    private static final class Rows implements JRDataSource {

        private final Iterator<List<Object>> rows;
        private List<Object> current;

        Rows(List<List<Object>> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public boolean next() {
            current = rows.hasNext() ? rows.next() : null;
            return current != null;
        }

        @Override
        public Object getFieldValue(JRField field) {
            Object cell = current.get(Integer.parseInt(field.getName().substring(1)));
            if (cell == null) {
                return null;
            }
            if (field.getValueClass() == BigDecimal.class) {
                return cell instanceof BigDecimal decimal ? decimal : new BigDecimal(cell.toString());
            }
            return cell.toString();
        }
    }
}
