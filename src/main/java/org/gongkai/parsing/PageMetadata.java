package org.gongkai.parsing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata a crawler or CMS puts above a page's text ({@code 标题: …}, {@code 发布机构: …}, {@code 来源: …},
 * {@code 原文链接: …}, 索引号, 文号, 栏目, up to a {@code ==== 正文 ====} rule): a source of identity, never part of the
 * body or of a name.
 *
 * @param fields the non-empty values by key, in page order
 * @param bodyStart where the body begins in the text (0 when the page has no header)
 */
record PageMetadata(Map<String, String> fields, int bodyStart) {

    private static final Set<String> KEYS = Set.of(
            "标题", "题名", "名称", "发布机构", "发文机关", "发布单位", "发文单位", "来源", "信息来源", "发布时间", "发布日期", "成文日期", "发文日期", "生成日期",
            "原文链接", "原文地址", "原文网址", "页面链接", "列表页", "索引号", "文号", "发文字号", "栏目", "所属栏目", "主题分类", "分类", "本地目录", "抓取时间",
            "采集时间", "有效性", "公开方式", "公开范围", "关键词");
    private static final Pattern FIELD = Pattern.compile("([\\u4e00-\\u9fa5]{2,6})[ \\t]*:[ \\t]*(.*)");
    /** {@code ==== 正文 ====}, {@code ======== 页面文本 ========}: the rule under a crawler's header. */
    private static final Pattern RULE = Pattern.compile("={3,}[^=\\n]{0,12}={3,}|-{5,}|={5,}");

    private static final int HEADER_LINES = 20;

    static PageMetadata none() {
        return new PageMetadata(Map.of(), 0);
    }

    /** The header at the top of the text: leading known {@code key: value} lines, and all lines above a rule. */
    static PageMetadata read(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        int lastField = 0;
        boolean sawField = false;
        for (int line = 0; line < HEADER_LINES && pos < text.length(); line++) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = text.length();
            String s = text.substring(pos, eol).strip();
            int next = Math.min(text.length(), eol + 1);
            if (RULE.matcher(s).matches()) {
                return sawField ? new PageMetadata(fields, next) : none();
            }
            Matcher m = FIELD.matcher(s);
            if (m.matches() && KEYS.contains(m.group(1))) {
                sawField = true;
                String value = m.group(2).strip();
                if (!value.isEmpty()) fields.putIfAbsent(m.group(1), value);
                lastField = next;
            } else if (!s.isEmpty() && !(sawField && s.length() <= 40 && !s.contains("。"))) {
                // A body line: the header, if any, ended before it. Short notes inside a header
                // ("页面链接与图片详见 links.tsv") are skipped.
                break;
            }
            pos = next;
        }
        return sawField ? new PageMetadata(fields, lastField) : none();
    }

    String get(String... keys) {
        for (String k : keys) {
            String v = fields.get(k);
            if (v != null) return v;
        }
        return null;
    }
}
