package org.gongkai.tools.generator;

import org.gongkai.canonical.CheckResult;

/** A check that must fail because of a fault, named as {@code CrossChecks} (or {@link CarriedOverChain}) names it. */
public record ExpectedFailure(String rule, String row, String column) {

    public static ExpectedFailure of(CheckResult result) {
        return new ExpectedFailure(result.rule(), result.row(), result.column());
    }
}
