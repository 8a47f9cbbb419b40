package org.gongkai.metrics;

import java.util.List;

/**
 * One 勾稽关系 of FORMAT.md, expanded from the catalogue's {@code checks} section for one row or one column: the sum
 * of {@link #left} must equal the sum of {@link #right}.
 *
 * @param rule the rule's stable name, as stored with a failed check ({@code requests.balance}, {@code review.total})
 * @param row the row the rule is about, null when it spans rows
 * @param column the column the rule is about
 * @param relation the relation as the form's reader says it ("一 + 二 = 三（七）总计 + 四")
 */
public record CheckRule(
        String rule, String row, String column, List<String> left, List<String> right, String relation) {

    public CheckRule {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }
}
