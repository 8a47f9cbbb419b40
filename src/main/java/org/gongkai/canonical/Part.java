package org.gongkai.canonical;

/**
 * A named sub-figure kept under a figure without being counted twice: a sub-item under a table row (涉外学校审批
 * under 其他对外管理服务事项) or a per-channel count under the prose total of items published.
 */
public record Part(String label, Figure figure) {}
