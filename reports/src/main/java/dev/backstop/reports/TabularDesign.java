package dev.backstop.reports;

import java.math.BigDecimal;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStaticText;
import net.sf.jasperreports.engine.design.JRDesignTextElement;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.OrientationEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;

/**
 * The Jasper design of a {@link TabularReport}, built in code: a title, a header row repeated on
 * every page, one detail band with a text field per column. Every text uses the CJK font family
 * of the font extension on the class path, embedded in PDFs.
 */
final class TabularDesign {

    /** Source Han Sans, from {@code com.github.xingfudeshi:jasperreports-fonts}. */
    static final String FONT = "思源黑体正常";

    static final String NUMBER_PATTERN = "#,##0.##";
    private static final int MARGIN = 28;
    private static final int TITLE_HEIGHT = 36;
    private static final int ROW_HEIGHT = 20;

    private TabularDesign() {}

    static String field(int column) {
        return "c" + column;
    }

    static JasperReport compile(TabularReport report) throws JRException {
        int columns = report.headings().size();
        boolean landscape = columns > 5;
        JasperDesign design = new JasperDesign();
        design.setName("tabular");
        design.setPageWidth(landscape ? 842 : 595);
        design.setPageHeight(landscape ? 595 : 842);
        design.setOrientation(landscape ? OrientationEnum.LANDSCAPE : OrientationEnum.PORTRAIT);
        design.setLeftMargin(MARGIN);
        design.setRightMargin(MARGIN);
        design.setTopMargin(MARGIN);
        design.setBottomMargin(MARGIN);
        int width = design.getPageWidth() - 2 * MARGIN;
        design.setColumnWidth(width);
        design.setWhenNoDataType(WhenNoDataTypeEnum.ALL_SECTIONS_NO_DETAIL);

        JRDesignBand title = new JRDesignBand();
        title.setHeight(TITLE_HEIGHT);
        JRDesignStaticText titleText = text(new JRDesignStaticText(), 0, width, TITLE_HEIGHT - 8, 16f);
        titleText.setText(report.title());
        title.addElement(titleText);
        design.setTitle(title);

        JRDesignBand header = new JRDesignBand();
        header.setHeight(ROW_HEIGHT);
        JRDesignBand detail = new JRDesignBand();
        detail.setHeight(ROW_HEIGHT);
        int columnWidth = width / columns;
        for (int i = 0; i < columns; i++) {
            boolean number = report.isNumberColumn(i);
            JRDesignField field = new JRDesignField();
            field.setName(field(i));
            field.setValueClass(number ? BigDecimal.class : String.class);
            design.addField(field);

            JRDesignStaticText heading = text(new JRDesignStaticText(), i * columnWidth, columnWidth, ROW_HEIGHT, 10f);
            heading.setText(report.headings().get(i));
            heading.setBold(true);
            align(heading, number);
            header.addElement(heading);

            JRDesignTextField cell = text(new JRDesignTextField(), i * columnWidth, columnWidth, ROW_HEIGHT, 10f);
            cell.setExpression(new JRDesignExpression("$F{" + field(i) + "}"));
            cell.setBlankWhenNull(true);
            cell.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
            if (number) {
                cell.setPattern(NUMBER_PATTERN);
            }
            align(cell, number);
            detail.addElement(cell);
        }
        design.setColumnHeader(header);
        ((JRDesignSection) design.getDetailSection()).addBand(detail);
        return JasperCompileManager.compileReport(design);
    }

    private static <T extends JRDesignTextElement> T text(T element, int x, int width, int height, float size) {
        element.setX(x);
        element.setY(0);
        element.setWidth(width);
        element.setHeight(height);
        element.setFontName(FONT);
        element.setFontSize(size);
        element.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        element.getLineBox().setLeftPadding(3);
        element.getLineBox().setRightPadding(3);
        return element;
    }

    private static void align(JRDesignTextElement element, boolean number) {
        element.setHorizontalTextAlign(number ? HorizontalTextAlignEnum.RIGHT : HorizontalTextAlignEnum.LEFT);
    }
}
