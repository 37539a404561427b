package org.maho.datasync.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.maho.datasync.source.InputFileException;

/**
 * A CSV file's bytes as text in the encoding the run names (UTF-8 unless {@code --encoding} says otherwise). All of
 * the file is decoded once before any line is read, so that a file saved in another encoding (a spreadsheet on
 * Windows writes windows-1252) stops the run before anything is written, instead of arriving with its accents
 * replaced; a file that is not text is refused at once.
 */
final class CsvText {

    private static final int CHUNK = 64 * 1024;

    private CsvText() {}

    /** The file's characters, after its byte order mark; the file has been checked to decode to its end. */
    static Reader open(Path file, Charset encoding) throws IOException {
        String name = file.getFileName().toString();
        byte[] head = new byte[CHUNK];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        boolean utf16 = encoding.name().toUpperCase(Locale.ROOT).startsWith("UTF-16");
        if (!utf16 && headLength >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            throw new InputFileException(name + ": starts with a UTF-16 byte order mark; read it with --encoding utf-16");
        }
        if (!utf16) {
            for (int i = 0; i < headLength && head[i] != '\n'; i++) {
                if (head[i] == 0) {
                    throw new InputFileException(name + ": is not a text file (its first line holds a NUL byte, at byte "
                            + i + "); give a CSV file");
                }
            }
        }
        long skip = encoding.equals(StandardCharsets.UTF_8) && headLength >= 3 && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        checkDecodes(file, name, encoding, skip);
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(skip);
        return new InputStreamReader(in, strict(encoding));
    }

    private static CharsetDecoder strict(Charset encoding) {
        return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes the whole file, counting lines, and names the line and byte offset of the first byte that does not. */
    private static void checkDecodes(Path file, String name, Charset encoding, long skip) throws IOException {
        CharsetDecoder decoder = strict(encoding);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = skip;
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (read > 0) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                while (true) {
                    int before = bytes.position();
                    CoderResult result = decoder.decode(bytes, chars, end);
                    line += newlines(chars);
                    if (result.isError()) {
                        long offset = consumed + bytes.position() - before;
                        throw new InputFileException(name + ": line " + line + ", byte offset " + offset + ": not valid "
                                + encoding.name() + " (" + hex(bytes, result.length()) + ")" + hint(encoding));
                    }
                    consumed += bytes.position() - before;
                    if (!result.isOverflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
            CoderResult flush = decoder.flush(chars);
            line += newlines(chars);
            if (flush.isError()) {
                throw new InputFileException(name + ": line " + line + ": ends inside a character of " + encoding.name());
            }
        } catch (CharacterCodingException e) {
            throw new InputFileException(name + ": not valid " + encoding.name() + hint(encoding), e);
        }
    }

    private static long newlines(CharBuffer chars) {
        chars.flip();
        long count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }

    private static String hex(ByteBuffer bytes, int length) {
        StringBuilder text = new StringBuilder(length == 1 ? "the byte" : "the bytes");
        for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
            text.append(String.format(Locale.ROOT, " 0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return text.toString();
    }

    private static String hint(Charset encoding) {
        return encoding.equals(StandardCharsets.UTF_8)
                ? "; if the file was saved in another encoding, name it with --encoding (windows-1252, iso-8859-1, utf-16)"
                : "; is --encoding " + encoding.name().toLowerCase(Locale.ROOT) + " the file's encoding?";
    }
}
