package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.FeedbackTopic;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback trends for headquarters: counts by branch × topic and branch × month, with small cells suppressed so a count
 * cannot single anyone out. Every figure leaves this class as a string: a count of 1 to 4 is {@code "<5"} (never the
 * number), 0 and 5 or more as written. A total over a line holding a suppressed cell would let one subtract the cell
 * back, so such a total counts only the published cells and reads {@code "≥N"} (or {@code "<5"} / {@code "≥5"} when no
 * cell of the line is published): no exact figure from which a small cell can be recovered (ADR "anonymous feedback").
 */
@Service
public class FeedbackOversight {

    static final int SMALLEST_SHOWN = 5;
    static final String SMALL = "<5";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FeedbackOversight(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One branch's line: its cells in column order and the line's total. */
    public record Row(String branchCode, String branchName, String branchNameEn, List<String> cells, String total) {}

    /** A table of published counts: column keys (topics or yyyy-MM), rows, column totals, the grand total. */
    public record Table(List<String> columns, List<Row> rows, List<String> columnTotals, String total) {}

    public record Trends(String from, String to, Table byTopic, Table byMonth) {}

    /** The last {@code months} months up to this one. */
    @Transactional(readOnly = true)
    public Trends trends(int months) {
        YearMonth to = YearMonth.from(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        YearMonth from = to.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
        List<String> monthKeys = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            monthKeys.add(m.toString());
        }
        List<String> topicKeys =
                Arrays.stream(FeedbackTopic.values()).map(Enum::name).toList();
        Map<String, String[]> branches = new LinkedHashMap<>();
        jdbc.query("select code, name, name_en from branches order by code", rs -> {
            branches.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        Map<String, int[]> byMonth = new LinkedHashMap<>();
        branches.keySet().forEach(code -> {
            byTopic.put(code, new int[topicKeys.size()]);
            byMonth.put(code, new int[monthKeys.size()]);
        });
        jdbc.query(
                """
                select b.code, f.topic, extract(year from f.submitted_on), extract(month from f.submitted_on), count(*)
                  from hr_feedback f join branches b on b.id = f.branch_id
                 where f.submitted_on >= ? and f.submitted_on < ?
                 group by b.code, f.topic, extract(year from f.submitted_on), extract(month from f.submitted_on)""",
                rs -> {
                    String code = rs.getString(1);
                    int count = rs.getInt(5);
                    byTopic.get(code)[topicKeys.indexOf(rs.getString(2))] += count;
                    String month = YearMonth.of(rs.getInt(3), rs.getInt(4)).toString();
                    byMonth.get(code)[monthKeys.indexOf(month)] += count;
                },
                Date.valueOf(from.atDay(1)),
                Date.valueOf(to.plusMonths(1).atDay(1)));
        return new Trends(
                from.toString(),
                to.toString(),
                table(topicKeys, byTopic, branches),
                table(monthKeys, byMonth, branches));
    }

    private static Table table(List<String> columns, Map<String, int[]> counts, Map<String, String[]> branches) {
        List<Row> rows = new ArrayList<>();
        int[][] grid = new int[counts.size()][];
        int r = 0;
        for (var line : counts.entrySet()) {
            int[] cells = line.getValue();
            grid[r++] = cells;
            String[] names = branches.get(line.getKey());
            rows.add(new Row(
                    line.getKey(),
                    names[0],
                    names[1],
                    Arrays.stream(cells).mapToObj(FeedbackOversight::cell).toList(),
                    total(cells)));
        }
        List<String> columnTotals = new ArrayList<>();
        int[] all = new int[grid.length * columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int[] column = new int[grid.length];
            for (int i = 0; i < grid.length; i++) {
                column[i] = grid[i][c];
                all[i * columns.size() + c] = grid[i][c];
            }
            columnTotals.add(total(column));
        }
        return new Table(columns, rows, columnTotals, total(all));
    }

    /** One cell as published: {@code "<5"} for 1 to 4. */
    static String cell(int count) {
        return count > 0 && count < SMALLEST_SHOWN ? SMALL : Integer.toString(count);
    }

    /**
     * The total of a line as published. Exact when no cell of the line is suppressed; otherwise the sum of the published
     * cells only, as {@code "≥N"} — or, when none is published, {@code "<5"} or {@code "≥5"} by the true total.
     */
    static String total(int[] cells) {
        int all = 0;
        int published = 0;
        boolean suppressed = false;
        for (int count : cells) {
            all += count;
            if (count > 0 && count < SMALLEST_SHOWN) {
                suppressed = true;
            } else {
                published += count;
            }
        }
        if (!suppressed) {
            return cell(all);
        }
        if (published > 0) {
            return "≥" + published;
        }
        return all < SMALLEST_SHOWN ? SMALL : "≥" + SMALLEST_SHOWN;
    }
}
