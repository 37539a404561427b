package org.maho.datasync.source.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.InputFileException;
import org.maho.datasync.source.LookAhead;

/**
 * Streams a CSV file as records: one line at a time, whatever the file's size. The first line is the header;
 * a line whose value count differs from the header's becomes an invalid record naming its line, and the file
 * goes on. The entity type's {@link CsvFormat} maps each line to a record.
 */
public final class CsvReader {

    private CsvReader() {}

    public static Iterator<Record> read(SyncJob job, CsvFormat format) {
        JobSpec spec = job.spec();
        Path file = spec.file();
        String name = file.getFileName().toString();
        CSVParser parser = open(file, spec.encoding(), spec.delimiter());
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            close(parser);
            throw new InputFileException(name + ": the first line must be a header naming the columns");
        }
        if (header.size() == 1) {
            otherDelimiter(header.get(0), spec.delimiter()).ifPresent(other -> {
                close(parser);
                throw new InputFileException(name + ": the header is one column, '" + abbreviated(header.get(0))
                        + "', with " + describe(other) + " in it: the file looks " + describe(other)
                        + "-separated; read it with --delimiter " + (other == '\t' ? "tab" : "'" + other + "'"));
            });
        }
        Set<String> columns = Set.copyOf(header);
        try {
            format.checkHeader(name, columns);
        } catch (InputFileException e) {
            close(parser);
            throw e;
        }
        String dateColumn = null;
        if (spec.dateFrom() != null || spec.dateTo() != null) {
            dateColumn = format.dateColumns().stream().filter(columns::contains).findFirst().orElseThrow(() -> {
                close(parser);
                return new InputFileException(name + ": --date-from/--date-to compare the column "
                        + String.join(" or ", format.dateColumns()) + ", which this file does not have");
            });
        }
        if (!spec.entityIds().isEmpty() && !columns.contains(format.idColumn())) {
            close(parser);
            throw new InputFileException(name + ": --entity-ids selects by the column " + format.idColumn()
                    + ", which this file does not have");
        }
        if (!spec.incrementIds().isEmpty() && !columns.contains("increment_id")) {
            close(parser);
            throw new InputFileException(name + ": --increment-ids selects by the column increment_id, which this file does not have");
        }
        return new Lines(job, format, name, parser, header, dateColumn);
    }

    /** The delimiters a file written by a spreadsheet may use. */
    static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    private static Optional<Character> otherDelimiter(String onlyColumn, char delimiter) {
        return DELIMITERS.stream().filter(c -> c != delimiter && onlyColumn.indexOf(c) >= 0).findFirst();
    }

    static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static CSVParser open(Path file, Charset encoding, char delimiter) {
        try {
            BufferedReader reader = new BufferedReader(CsvText.open(file, encoding));
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .get();
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (NoSuchFileException e) {
            throw new InputFileException(file + ": no such file");
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InputFileException(file + ": cannot read the header: " + e.getMessage(), e);
        }
    }

    private static void close(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }

    private static final class Lines extends LookAhead<Record> {
        private final SyncJob job;
        private final CsvFormat format;
        private final String file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private final String dateColumn;
        private final Set<String> entityIds;
        private final Set<String> incrementIds;
        private long yielded;
        private long lastLine = 1;

        Lines(SyncJob job, CsvFormat format, String file, CSVParser parser, List<String> header, String dateColumn) {
            this.job = job;
            this.format = format;
            this.file = file;
            this.parser = parser;
            this.records = parser.iterator();
            this.header = header;
            this.dateColumn = dateColumn;
            this.entityIds = Set.copyOf(job.spec().entityIds());
            this.incrementIds = Set.copyOf(job.spec().incrementIds());
        }

        @Override
        protected Record advance() {
            if (!queued.isEmpty()) {
                return queued.poll();
            }
            Integer limit = job.spec().limit();
            while (true) {
                if (limit != null && yielded >= limit) {
                    close(parser);
                    return null;
                }
                CsvRow row = nextRow();
                if (row == null) {
                    close(parser);
                    return null;
                }
                List<CsvRow> lines = new ArrayList<>(List.of(row));
                for (CsvRow more = nextRow(); more != null; more = nextRow()) {
                    if (!format.continues(row, more)) {
                        pushedBack = more;
                        break;
                    }
                    lines.add(more);
                }
                if (!selected(row)) {
                    continue;
                }
                List<Record> records = format.toRecords(lines, job);
                for (Record record : records) {
                    for (CsvRow line : lines) {
                        if (line.malformed() != null) {
                            record.reject(null, (lines.size() == 1 ? "" : "line " + line.line() + ": ") + line.malformed());
                        }
                        line.values().forEach((column, value) -> controlCharacter(value).ifPresent(c -> record.reject(column,
                                "holds the control character " + c + ", which a shop's text never does; the record is not written")));
                    }
                }
                if (records.isEmpty()) {
                    continue; // lines that hold none of this entity type's records (an order without a refund)
                }
                queued.addAll(records.subList(1, records.size()));
                yielded++;
                return records.get(0);
            }
        }

        /** The records a record's lines held after the first, given out before the next lines are read. */
        private final ArrayDeque<Record> queued = new ArrayDeque<>();

        /** The line a record's lines ended at, read but not yet taken. */
        private CsvRow pushedBack;

        /** The next line that holds values, or null at the end of the file. */
        private CsvRow nextRow() {
            if (pushedBack != null) {
                CsvRow row = pushedBack;
                pushedBack = null;
                return row;
            }
            while (true) {
                CSVRecord line;
                long startLine = lastLine + 1;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    line = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    close(parser);
                    throw new InputFileException(file + " line " + startLine + ": cannot be parsed ("
                            + rootMessage(e) + "); the rest of the file was not read", e);
                }
                lastLine = parser.getCurrentLineNumber();
                CsvRow row = toRow(line, startLine);
                if (row != null) {
                    return row;
                }
            }
        }

        private CsvRow toRow(CSVRecord line, long startLine) {
            List<String> cells = new ArrayList<>(line.size());
            line.forEach(cells::add);
            if (cells.stream().allMatch(String::isEmpty) && cells.size() <= header.size()) {
                return null;
            }
            String malformed = null;
            if (cells.size() < header.size()) {
                String gap = fillShortLine(cells, header.size());
                if (gap == null) {
                    malformed = "the line has " + line.size() + " values but the header has " + header.size() + " columns";
                } else {
                    job.report().warn(file + ": line " + startLine + " has " + line.size() + " values for " + header.size()
                            + " columns; read with the missing one(s) in its longest run of empty values (" + gap + ")");
                }
            } else if (cells.size() > header.size()) {
                malformed = "the line has " + line.size() + " values but the header has " + header.size() + " columns";
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                values.put(header.get(i), cells.get(i));
            }
            return new CsvRow(file, startLine, values, malformed);
        }

        /**
         * Files written by hand often drop an empty value in a run of empty columns (the original tool's own
         * examples do). When one run of empty values is longer than any other, the missing values belong there
         * and every other value keeps its column; otherwise the line is ambiguous and stays malformed.
         *
         * @return the columns the run covers, or null when the line cannot be read unambiguously
         */
        private String fillShortLine(List<String> cells, int columns) {
            int missing = columns - cells.size();
            int bestStart = -1;
            int bestLength = 0;
            boolean tie = false;
            for (int i = 0; i < cells.size(); ) {
                if (!cells.get(i).isEmpty()) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < cells.size() && cells.get(i).isEmpty()) {
                    i++;
                }
                int length = i - start;
                if (length > bestLength) {
                    bestStart = start;
                    bestLength = length;
                    tie = false;
                } else if (length == bestLength) {
                    tie = true;
                }
            }
            if (bestStart < 0 || tie || bestLength < 2) {
                return null;
            }
            for (int i = 0; i < missing; i++) {
                cells.add(bestStart, "");
            }
            return header.get(bestStart) + ".." + header.get(bestStart + bestLength + missing - 1);
        }

        /** A NUL byte or another C0 control (tab and line breaks aside) or DEL in a value, as U+0000 and its name. */
        private static Optional<String> controlCharacter(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    return Optional.of(String.format(Locale.ROOT, "U+%04X%s at character %d", (int) c,
                            c == 0 ? " (NUL)" : "", i + 1));
                }
            }
            return Optional.empty();
        }

        private boolean selected(CsvRow row) {
            if (!entityIds.isEmpty() && !entityIds.contains(row.get(format.idColumn()))) {
                return false;
            }
            if (!incrementIds.isEmpty() && !incrementIds.contains(row.get("increment_id"))) {
                return false;
            }
            if (dateColumn != null) {
                LocalDateTime date = DateValues.parse(row.get(dateColumn));
                if (date == null) {
                    // an unreadable date is not filtered out: validation names it
                    return row.get(dateColumn) != null;
                }
                JobSpec spec = job.spec();
                return (spec.dateFrom() == null || !date.isBefore(spec.dateFrom()))
                        && (spec.dateTo() == null || !date.isAfter(spec.dateTo()));
            }
            return true;
        }

        private static String rootMessage(Throwable error) {
            Throwable cause = error;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }
    }
}
