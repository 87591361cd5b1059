package io.mailrules.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mailrules.core.plan.UidSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object, knowing its path so every error can name the value that is wrong. Fields
 * that were never read count as unknown when {@link #finish()} is called, which catches misspelt names.
 */
final class JsonFields {

    /** Decodes one element of an array, given its path. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(JsonElement element, String path);
    }

    private final JsonObject object;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    static JsonFields of(JsonElement element, String path) {
        if (!element.isJsonObject()) {
            throw new JsonFormatException(path, "expected an object, found " + describe(element));
        }
        return new JsonFields(element.getAsJsonObject(), path);
    }

    String path() {
        return path;
    }

    String pathOf(String name) {
        return path + "." + name;
    }

    boolean has(String name) {
        return object.has(name);
    }

    private JsonElement required(String name) {
        read.add(name);
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new JsonFormatException(pathOf(name), "missing required field");
        }
        return value;
    }

    private Optional<JsonElement> optional(String name) {
        read.add(name);
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }

    String string(String name) {
        return asString(required(name), pathOf(name));
    }

    Optional<String> optionalString(String name) {
        return optional(name).map(value -> asString(value, pathOf(name)));
    }

    long wholeNumber(String name, long min, long max) {
        return asWholeNumber(required(name), pathOf(name), min, max);
    }

    OptionalLong optionalWholeNumber(String name, long min, long max) {
        Optional<JsonElement> value = optional(name);
        return value.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(asWholeNumber(value.get(), pathOf(name), min, max));
    }

    Instant instant(String name) {
        return parsed(name, JsonFields::parseInstant);
    }

    Optional<Instant> optionalInstant(String name) {
        return optional(name).isEmpty() ? Optional.empty() : Optional.of(instant(name));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 instant such as "
                    + "2025-03-01T10:15:30Z");
        }
    }

    UidSet uidSet(String name) {
        return parsed(name, UidSet::parse);
    }

    /** Reads a string field and converts it, reporting the converter's IllegalArgumentException at the field. */
    <T> T parsed(String name, Function<String, T> parser) {
        String text = string(name);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(pathOf(name), e.getMessage(), e);
        }
    }

    JsonFields object(String name) {
        return of(required(name), pathOf(name));
    }

    <T> List<T> list(String name, ElementReader<T> elementReader) {
        JsonElement value = required(name);
        if (!value.isJsonArray()) {
            throw new JsonFormatException(pathOf(name), "expected an array, found " + describe(value));
        }
        JsonArray array = value.getAsJsonArray();
        List<T> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            elements.add(elementReader.read(array.get(i), pathOf(name) + "[" + i + "]"));
        }
        return elements;
    }

    /** A list that may be left out; absent reads as empty. */
    <T> List<T> optionalList(String name, ElementReader<T> elementReader) {
        return optional(name).isEmpty() ? List.of() : list(name, elementReader);
    }

    List<String> strings(String name) {
        return list(name, JsonFields::asString);
    }

    /** Builds a model object, reporting what its constructor rejects at this object's path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            if (e instanceof JsonFormatException) {
                throw e;
            }
            throw new JsonFormatException(path, e.getMessage(), e);
        }
    }

    /** Fails on any field that was present but never read. */
    void finish() {
        for (String name : object.keySet()) {
            if (!read.contains(name)) {
                throw new JsonFormatException(pathOf(name), "unknown field");
            }
        }
    }

    JsonFormatException fail(String name, String problem) {
        return new JsonFormatException(pathOf(name), problem);
    }

    static String asString(JsonElement value, String path) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new JsonFormatException(path, "expected a string, found " + describe(value));
        }
        return value.getAsString();
    }

    private static long asWholeNumber(JsonElement value, String path, long min, long max) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new JsonFormatException(path, "expected a number, found " + describe(value));
        }
        BigDecimal number = value.getAsBigDecimal();
        long whole;
        try {
            whole = number.longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonFormatException(path, "expected a whole number from " + min + " to " + max + ", found "
                    + number);
        }
        if (whole < min || whole > max) {
            throw new JsonFormatException(path, "expected a whole number from " + min + " to " + max + ", found "
                    + whole);
        }
        return whole;
    }

    static String describe(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
