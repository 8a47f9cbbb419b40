package org.gongkai;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the console which tests did not run and why (a missing {@code soffice}, no external server): surefire
 * alone counts them as skipped and keeps the reason in its XML reports, where nobody reads it.
 */
public final class SkippedTestsReporter implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED)
            System.out.println("[SKIPPED] " + test.getDisplayName() + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
}
