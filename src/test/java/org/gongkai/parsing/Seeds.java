package org.gongkai.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The five seed documents of FORMAT.md, read from the test classpath. */
final class Seeds {

    static final String DINGXI_2017 = "000_d8b684135bb33e7b.txt";
    static final String MUDANJIANG_2019 = "001_228ab8e062f15c07.txt";
    static final String XIHU_2018 = "002_19b8e9ec41e9b207.txt";
    static final String ANHUI_2024 = "003_3a6cbc4afbfb0dca.txt";
    static final String ANSHAN_PLAN = "004_683ea54067db49ce.txt";
    static final String[] ALL = {DINGXI_2017, MUDANJIANG_2019, XIHU_2018, ANHUI_2024, ANSHAN_PLAN};

    private Seeds() {}

    static byte[] bytes(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) throw new IllegalStateException("missing seed " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
