package org.pmopulse.system;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what users send: parse errors become {@link NotJsonException} with line and column, binding errors an
 * {@link InvalidInputException} naming the field by its JSON path. Unknown fields, duplicate keys, numbers in
 * strings, fractions in whole-number fields and date-times in date fields are refused rather than guessed.
 */
public final class StrictJson {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfigDefaults(c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            // a string is the natural shape for text, dates and enums
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
            // whole numbers are valid decimal numbers
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
            .addModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictLocalDateDeserializer()))
            .build();

    private StrictJson() {
    }

    /** Parses a JSON text; the whole text must be one JSON value. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new NotJsonException("the body is empty; expected a JSON object");
        }
        try {
            return STRICT.readTree(body);
        } catch (StreamReadException e) {
            throw new NotJsonException("the body is not valid JSON: " + describe(e));
        } catch (JacksonException e) {
            throw new NotJsonException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Binds a parsed value to a type, or throws the problem naming the field (422). */
    public static <T> T bind(JsonNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (DatabindException e) {
            throw InvalidInputException.body(List.of(new FieldProblem(path(e.getPath()), bindingMessage(e))));
        } catch (InputCoercionException e) {
            throw InvalidInputException.body(List.of(new FieldProblem(path(e.getPath()),
                    "is out of range for " + describeType(e.getTargetType()))));
        } catch (JacksonException e) {
            throw InvalidInputException.body(List.of(new FieldProblem(path(e.getPath()), e.getOriginalMessage())));
        }
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String bindingMessage(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field (see the schemas at /v3/api-docs)";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String value = String.valueOf(invalid.getValue());
            if (target != null && target.isEnum()) {
                return "'" + value + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == LocalDate.class) {
                return "'" + value + "' is not an ISO date (YYYY-MM-DD)";
            }
            return "'" + value + "' is not a valid " + describeType(target);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describeType(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "an ISO date string (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(StreamReadException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }
}
