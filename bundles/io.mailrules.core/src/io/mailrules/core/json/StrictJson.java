package io.mailrules.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Parses exactly one strict JSON value. Gson's own tree parser is lenient (comments, unquoted names) and lets a
 * duplicated field silently overwrite the first; for a file that decides which mail gets moved both must be errors.
 */
final class StrictJson {
    private StrictJson() {
    }

    static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement value = read(reader);
            requireEnd(reader);
            return value;
        } catch (IOException e) {
            throw new JsonFormatException(reader.getPath(), "malformed JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static void requireEnd(JsonReader reader) {
        boolean atEnd;
        try {
            atEnd = reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            atEnd = false;
        }
        if (!atEnd) {
            throw new JsonFormatException("$", "unexpected content after the JSON value");
        }
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> readObject(reader);
            case BEGIN_ARRAY -> readArray(reader);
            case STRING -> new JsonPrimitive(reader.nextString());
            // Kept exact so that a fraction or an overflow is reported, not rounded.
            case NUMBER -> new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new JsonFormatException(reader.getPath(), "unexpected " + reader.peek());
        };
    }

    private static JsonObject readObject(JsonReader reader) throws IOException {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (object.has(name)) {
                throw new JsonFormatException(reader.getPath(), "field \"" + name + "\" appears twice");
            }
            object.add(name, read(reader));
        }
        reader.endObject();
        return object;
    }

    private static JsonArray readArray(JsonReader reader) throws IOException {
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(read(reader));
        }
        reader.endArray();
        return array;
    }

    /**
     * Gson appends a troubleshooting link on a second line, and words strictness violations as advice to the
     * programmer; the user needs what is wrong and where.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected end of input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "not standard JSON");
    }
}
