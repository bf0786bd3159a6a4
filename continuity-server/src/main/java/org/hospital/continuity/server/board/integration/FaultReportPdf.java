package org.hospital.continuity.server.board.integration;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.hospital.continuity.server.board.app.BoardSettings;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Turns the fault report's XHTML (the {@code board/report-pdf.html} template) into a PDF on the server, with a
 * CJK font embedded as a subset so that the file prints and archives the same everywhere (EP-7.4, EP-8.1,
 * EP-8.6). Blocking and CPU-bound: call it off the event loop.
 */
@ApplicationScoped
public class FaultReportPdf {

    /** The CSS font family the template uses. */
    static final String FAMILY = "CJK";

    private final BoardSettings settings;

    public FaultReportPdf(BoardSettings settings) {
        this.settings = settings;
    }

    public byte[] render(String xhtml, String title) {
        File font = new File(settings.pdfFont());
        if (!font.canRead()) {
            Log.errorf("fault report PDF: font %s not readable", font);
            throw new DomainRejection(503, "pdf-font-missing", "EP-8.6",
                    "The server has no Chinese font for PDFs (continuity.board.pdf-font); the printable page still works.");
        }
        long started = System.nanoTime();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AtomicReference<TrueTypeCollection> collection = new AtomicReference<>();
            try {
                PDType0Font cjk = load(doc, font, collection);
                doc.getDocumentInformation().setTitle(title);
                doc.getDocumentInformation().setCreator("continuity-server");
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
            byte[] pdf = out.toByteArray();
            Log.infof("fault report PDF bytes=%d took=%dms", pdf.length, (System.nanoTime() - started) / 1_000_000);
            return pdf;
        } catch (IOException e) {
            throw new IllegalStateException("fault report PDF not rendered", e);
        }
    }

    /** A .ttc collection gives its first face; kept open (in {@code holder}) until the document is written. */
    private static PDType0Font load(PDDocument doc, File font, AtomicReference<TrueTypeCollection> holder) throws IOException {
        if (!font.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
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
}
