package org.hospital.continuity.kiosk.platform.print;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Turns an XHTML page laid out for paper (CSS paged media: {@code @page} size, margin boxes with {@code counter(page)} and
 * {@code counter(pages)}) into a PDF on the kiosk, with a Chinese font embedded as a subset, so that the file prints the
 * same on any printer and needs no browser. Blocking and CPU-bound: call it on a worker thread.
 */
public final class PdfPages {

    /** The CSS font family the pages use for the embedded font. */
    public static final String FAMILY = "CJK";

    private PdfPages() {
    }

    /** The PDF of {@code xhtml} (well-formed XHTML), the font read from {@code fontFile} (.ttf/.otf, or the first face of a .ttc). */
    public static byte[] render(String xhtml, String title, String fontFile) {
        File font = new File(fontFile);
        if (!font.canRead()) {
            throw new IllegalStateException("no Chinese font for PDFs at " + fontFile);
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AtomicReference<TrueTypeCollection> collection = new AtomicReference<>();
            try {
                PDType0Font cjk = load(doc, font, collection);
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setCreator("offline-kiosk");
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(doc);
                builder.useFont(new PDFontSupplier(cjk), FAMILY);
                builder.withHtmlContent(xhtml, null);
                builder.toStream(out);
                builder.run();
            } finally {
                if (collection.get() != null) {
                    collection.get().close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PDF not rendered", e);
        }
    }

    private static PDType0Font load(PDDocument doc, File font, AtomicReference<TrueTypeCollection> holder) throws IOException {
        if (!font.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return PDType0Font.load(doc, font);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(font);
        holder.set(ttc);
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        ttc.processAllFonts(f -> {
            if (first.get() == null) {
                first.set(f);
            }
        });
        if (first.get() == null) {
            throw new IOException("no font in collection " + font);
        }
        return PDType0Font.load(doc, first.get(), true);
    }

    /** Text for XHTML content and attributes. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
