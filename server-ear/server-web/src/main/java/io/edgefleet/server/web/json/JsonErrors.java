package io.edgefleet.server.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.stream.Collectors;

/**
 * Maps what Jackson says about a bad request body to the API's problem codes: malformed-json,
 * unknown-field, invalid-type or invalid-request. Details name the field path, never echo the body.
 */
public final class JsonErrors {
    private JsonErrors() {}

    public static FleetException toProblem(JsonProcessingException e) {
        // Jackson wraps what the stream throws (the 413 of LimitedInputStream) into its own exceptions.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof FleetException fleet) {
                return fleet;
            }
        }
        return switch (e) {
            case UnrecognizedPropertyException unknown ->
                new FleetException(ProblemCode.UNKNOWN_FIELD, "unknown field '" + path(unknown) + "'");
            case ValueInstantiationException invalid ->
                new FleetException(ProblemCode.INVALID_REQUEST, "invalid value at '" + path(invalid) + "'");
            case InvalidFormatException format ->
                new FleetException(
                        ProblemCode.INVALID_TYPE, "'" + path(format) + "' must be " + describe(format.getTargetType()));
            case MismatchedInputException mismatch -> mismatch(mismatch);
            case StreamConstraintsException limits ->
                new FleetException(
                        ProblemCode.MALFORMED_JSON, "the JSON exceeds a limit: " + limits.getOriginalMessage());
            case StreamReadException parse ->
                new FleetException(
                        ProblemCode.MALFORMED_JSON,
                        "not valid JSON at line " + parse.getLocation().getLineNr() + ", column "
                                + parse.getLocation().getColumnNr());
            case DatabindException other -> new FleetException(ProblemCode.INVALID_REQUEST, firstLine(other));
            default -> new FleetException(ProblemCode.MALFORMED_JSON, firstLine(e));
        };
    }

    private static FleetException mismatch(MismatchedInputException e) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return new FleetException(ProblemCode.MALFORMED_JSON, "more than one JSON value in the body");
        }
        if (e.getPath().isEmpty()) {
            return new FleetException(ProblemCode.INVALID_TYPE, "the body must be a JSON object");
        }
        return new FleetException(ProblemCode.INVALID_TYPE, "'" + path(e) + "' must be " + describe(e.getTargetType()));
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "of another type";
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "the body could not be read";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() <= 200 ? first : first.substring(0, 197) + "...";
    }
}
