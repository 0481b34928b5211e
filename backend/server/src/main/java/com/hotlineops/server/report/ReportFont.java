package com.hotlineops.server.report;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded in PDF reports. {@code hotline.report.font} ({@code HOTLINE_REPORT_FONT}) names a TrueType
 * or OpenType file ({@code .ttf}, {@code .otf}) or a collection ({@code .ttc}, optionally {@code path,index}); when
 * unset, the first existing file of {@link #DEFAULT_SEARCH} is used (in a collection the Simplified Chinese face).
 * Without any, the app still starts and says so in the log; PDF requests then fail with a message that names the
 * setting, rather than printing empty boxes.
 */
@Component
public class ReportFont {

    /** Where Debian/Ubuntu ({@code fonts-noto-cjk}, {@code fonts-wqy-zenhei}), Fedora and Alpine put CJK fonts. */
    public static final List<String> DEFAULT_SEARCH = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc");

    private static final Logger log = LoggerFactory.getLogger(ReportFont.class);

    private final String configured;
    private volatile BaseFont font;

    ReportFont(@Value("${hotline.report.font:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
        if (resolve() == null) {
            log.warn(missing());
        }
    }

    /** The font to embed; {@link IllegalStateException} with what to set when there is none. */
    public BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    String spec = resolve();
                    if (spec == null) {
                        throw new IllegalStateException(missing());
                    }
                    try {
                        font = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    } catch (Exception e) {
                        throw new IllegalStateException("The report font " + spec + " cannot be loaded ("
                                + e.getMessage() + "); set HOTLINE_REPORT_FONT to a TrueType/OpenType CJK font", e);
                    }
                }
                f = font;
            }
        }
        return f;
    }

    /** The font as OpenPDF names it ({@code path} or {@code path,index}), or null when none is found. */
    String resolve() {
        if (!configured.isEmpty()) {
            String path = configured.replaceFirst(",\\d+$", "");
            if (!Files.isRegularFile(Path.of(path))) {
                return null;
            }
            return configured.equals(path) ? withFace(path) : configured;
        }
        return DEFAULT_SEARCH.stream().filter(p -> Files.isRegularFile(Path.of(p))).findFirst()
                .map(ReportFont::withFace).orElse(null);
    }

    /** In a collection, the Simplified Chinese face (names with "SC"), else the first. */
    private static String withFace(String path) {
        if (!path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return path;
        }
        try {
            String[] names = BaseFont.enumerateTTCNames(path);
            for (int i = 0; i < names.length; i++) {
                String n = names[i].toLowerCase(Locale.ROOT);
                if (n.contains("cjksc") || n.endsWith(" sc") || n.contains("sc-")) {
                    return path + "," + i;
                }
            }
        } catch (Exception e) {
            log.warn("Cannot list the faces of {}: {}", path, e.toString());
        }
        return path + ",0";
    }

    private String missing() {
        return (configured.isEmpty() ? "No CJK font found for PDF reports in " + DEFAULT_SEARCH
                : "The report font HOTLINE_REPORT_FONT=" + configured + " does not exist")
                + "; install fonts-noto-cjk or fonts-wqy-zenhei, or set HOTLINE_REPORT_FONT to a CJK .ttf/.otf/.ttc";
    }
}
