package org.hotline12345.workflow.bpmn.impl;

import java.io.IOException;
import java.io.Writer;

/** Writes export rows as they come: CSV (RFC 4180, safe to open in a spreadsheet) or a JSON array of objects. */
abstract class ExportWriter {

    protected final Writer out;
    protected String[] columns;

    ExportWriter(Writer out) {
        this.out = out;
    }

    void begin(String[] columns) throws IOException {
        this.columns = columns;
    }

    abstract void row(String[] values) throws IOException;

    abstract void end() throws IOException;

    static final class Csv extends ExportWriter {

        Csv(Writer out) {
            super(out);
        }

        @Override
        void begin(String[] columns) throws IOException {
            super.begin(columns);
            line(columns);
        }

        @Override
        void row(String[] values) throws IOException {
            line(values);
        }

        @Override
        void end() throws IOException {
            out.flush();
        }

        private void line(String[] values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(values[i]));
            }
            out.write("\r\n");
        }

        /** Quoted where needed; a leading = + - @ is neutralised so that a spreadsheet does not run it as a formula. */
        static String cell(String value) {
            if (value == null) {
                return "";
            }
            String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }

    static final class Json extends ExportWriter {

        private boolean first = true;

        Json(Writer out) {
            super(out);
        }

        @Override
        void begin(String[] columns) throws IOException {
            super.begin(columns);
            out.write('[');
        }

        @Override
        void row(String[] values) throws IOException {
            out.write(first ? "\n{" : ",\n{");
            first = false;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(string(columns[i]));
                out.write(':');
                out.write(values[i] == null ? "null" : string(values[i]));
            }
            out.write('}');
        }

        @Override
        void end() throws IOException {
            out.write("\n]\n");
            out.flush();
        }

        static String string(String value) {
            StringBuilder text = new StringBuilder("\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            text.append(String.format("\\u%04x", (int) c));
                        } else {
                            text.append(c);
                        }
                    }
                }
            }
            return text.append('"').toString();
        }
    }
}
