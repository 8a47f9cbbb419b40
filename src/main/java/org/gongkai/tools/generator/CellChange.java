package org.gongkai.tools.generator;

import java.math.BigDecimal;

/** One cell a fault changed: what the clean report said and what the faulty one says. */
public record CellChange(String metric, BigDecimal original, BigDecimal injected) {}
