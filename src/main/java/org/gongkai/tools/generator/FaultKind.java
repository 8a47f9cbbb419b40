package org.gongkai.tools.generator;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of mistake real reports make, each breaking a known cross-check. */
public enum FaultKind {
    /** A row's 总计 is not the sum of its applicant columns (and so its column's check fails too). */
    ROW_TOTAL_OFF("row_total_off"),
    /** New requests are off by a few in one column: 一 + 二 ≠ 三（七）总计 + 四 there and in the total column. */
    BALANCE_OFF("balance_off"),
    /** 予以公开 is off in one column: the outcomes no longer add up to （七）总计. */
    OUTCOME_SUM_OFF("outcome_sum_off"),
    /** A review or litigation 总计 that is not 维持 + 纠正 + 其他 + 尚未审结. */
    CASE_TOTAL_OFF("case_total_off"),
    /** 上年结转 differs from last year's 结转下年度继续办理, while the year's own table still balances. */
    CARRIED_OVER_CHAIN_BROKEN("carried_over_chain_broken");

    private final String code;

    FaultKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
