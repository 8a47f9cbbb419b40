package org.gongkai.tools.generator;

/**
 * One year of section 二 for one agency, drawn whatever the format so that stocks run on through prose years.
 *
 * @param itemsBefore items of licensing, other services, penalty, coercion and fees at the start of the year
 * @param itemsChange the signed change of each during the year
 * @param decisions licensing, other services, penalty and coercion decisions
 * @param feesTenThousandYuan fees collected, in 万元 (printed from 2021)
 * @param procurementTenThousandYuan centralised procurement, in 万元 (printed in 2019 and 2020)
 */
record ProactiveYear(
        long itemsPublished,
        long rulesIssued,
        long rulesRepealed,
        long rulesInForce,
        long docsIssued,
        long docsPublished,
        long docsRepealed,
        long docsInForce,
        long[] itemsBefore,
        long[] itemsChange,
        long[] decisions,
        double feesTenThousandYuan,
        long procurementProjects,
        double procurementTenThousandYuan) {}
