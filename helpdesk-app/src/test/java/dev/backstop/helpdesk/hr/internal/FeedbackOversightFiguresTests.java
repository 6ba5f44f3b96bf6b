package dev.backstop.helpdesk.hr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The published figures of branch oversight: no count from 1 to 4, and no total a small cell can be subtracted from. */
class FeedbackOversightFiguresTests {

    @Test
    void aCountUnderFiveReadsUnderFiveAndZeroAndFiveUpReadAsTheyAre() {
        assertThat(FeedbackOversight.cell(0)).isEqualTo("0");
        for (int small = 1; small < 5; small++) {
            assertThat(FeedbackOversight.cell(small)).isEqualTo("<5");
        }
        assertThat(FeedbackOversight.cell(5)).isEqualTo("5");
        assertThat(FeedbackOversight.cell(17)).isEqualTo("17");
    }

    @Test
    void aTotalOverASuppressedCellCountsOnlyThePublishedCells() {
        assertThat(FeedbackOversight.total(new int[] {7, 2, 0})).isEqualTo("≥7");
        assertThat(FeedbackOversight.total(new int[] {7, 5, 0})).isEqualTo("12");
        assertThat(FeedbackOversight.total(new int[] {3, 0})).isEqualTo("<5");
        assertThat(FeedbackOversight.total(new int[] {3, 4})).isEqualTo("≥5");
        assertThat(FeedbackOversight.total(new int[] {1, 1})).isEqualTo("<5");
        assertThat(FeedbackOversight.total(new int[] {0, 0})).isEqualTo("0");
    }

    @Test
    void noPublishedTotalMinusThePublishedCellsGivesBackASmallCell() {
        int[][] lines = {{7, 2, 0}, {9, 1, 6}, {5, 4}, {3, 3, 3}, {12, 0, 1}};
        for (int[] line : lines) {
            String total = FeedbackOversight.total(line);
            int shown = 0;
            for (int count : line) {
                String cell = FeedbackOversight.cell(count);
                shown += cell.equals("<5") ? 0 : Integer.parseInt(cell);
            }
            assertThat(total).as("a line with a small cell has no exact total").matches("<5|≥\\d+");
            if (total.startsWith("≥") && !total.equals("≥5")) {
                assertThat(Integer.parseInt(total.substring(1))).isEqualTo(shown);
            }
        }
    }
}
