package org.gongkai.tools.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.canonical.CanonicalReport;
import org.gongkai.canonical.CheckResult;
import org.gongkai.canonical.Figure;

/**
 * The cross-year check of FORMAT.md: this year's 上年结转 equals last year's 结转下年度继续办理 for the same body, column by
 * column wherever both years print the column (a prose year states only the total).
 */
public final class CarriedOverChain {

    public static final String RULE = "requests.carried_over_chain";

    private CarriedOverChain() {}

    /** The check per column; empty when the reports are not consecutive years of one agency. */
    public static List<CheckResult> check(CanonicalReport previous, CanonicalReport current) {
        List<CheckResult> out = new ArrayList<>();
        if (!previous.agencyName().equals(current.agencyName())
                || !previous.regionCode().equals(current.regionCode())
                || previous.year() + 1 != current.year()) {
            return out;
        }
        Map<String, Figure> before = previous.figures();
        Map<String, Figure> now = current.figures();
        for (int c = 0; c < RequestTableKeys.COLUMNS; c++) {
            Figure forward = before.get(RequestTableKeys.cell(RequestTableKeys.CARRIED_FORWARD, c));
            Figure over = now.get(RequestTableKeys.cell(RequestTableKeys.CARRIED_OVER, c));
            if (forward == null || over == null) continue;
            BigDecimal expected = forward.value();
            BigDecimal actual = over.value();
            boolean passed = expected.compareTo(actual) == 0;
            String column = RequestTableKeys.column(c);
            out.add(new CheckResult(
                    RULE,
                    RequestTableKeys.CARRIED_OVER,
                    column,
                    passed,
                    expected,
                    actual,
                    "上年结转 " + (passed ? "equals" : "differs from") + " last year's 结转下年度继续办理 in column " + column
                            + (passed
                                    ? ""
                                    : ": expected " + expected.toPlainString() + ", found " + actual.toPlainString())));
        }
        return out;
    }
}
