package org.gongkai.parsing;

import java.nio.charset.Charset;

/** Text decoded from bytes, with the charset that decoded it. */
record DecodedText(String text, Charset charset) {}
