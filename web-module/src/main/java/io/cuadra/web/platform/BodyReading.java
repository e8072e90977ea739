package io.cuadra.web.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.List;

/**
 * Marks every failure to read a request body as the client's (400), so that a failure to write a
 * response is never mistaken for one; refuses an empty body where an operation expects JSON; and puts
 * every JSON body through {@link StrictJson} before JSON-B binds it, so that nothing is coerced.
 */
@Provider
public class BodyReading implements ReaderInterceptor {

    /** No JSON request of the API comes near it; uploads (CSV, XLSX) are not JSON and not buffered. */
    static final int MAX_JSON_BODY = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        if (isJson(ctx.getMediaType())) {
            byte[] body = ctx.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                throw new ClientErrorException("A JSON body may be at most " + MAX_JSON_BODY + " bytes.", 413);
            }
            ctx.setInputStream(new ByteArrayInputStream(check(body, ctx)));
        } else {
            PushbackInputStream in = new PushbackInputStream(ctx.getInputStream(), 1);
            int first = in.read();
            if (first < 0) {
                throw new UnreadableBody("This operation needs a body.", null);
            }
            in.unread(first);
            ctx.setInputStream(in);
        }
        try {
            return ctx.proceed();
        } catch (JsonbException | JsonParsingException | ProcessingException e) {
            throw new UnreadableBody(innermost(e), e);
        }
    }

    /** The body JSON-B may bind: as sent, but with its amounts' strings as the numbers it binds. */
    private static byte[] check(byte[] body, ReaderInterceptorContext ctx) {
        if (body.length == 0) {
            throw new UnreadableBody("This operation needs a JSON body.", null);
        }
        JsonValue tree;
        try {
            tree = StrictJson.read(body);
        } catch (StrictJson.Unparseable e) {
            throw new UnreadableBody(e.getMessage(), null);
        } catch (JsonException | NumberFormatException | ArithmeticException e) {
            throw new UnreadableBody(innermost(e), e);
        }
        List<Problem.FieldError> errors = StrictJson.check(tree, ctx.getGenericType());
        if (!errors.isEmpty()) {
            throw new UnreadableBody(errors);
        }
        JsonValue bindable = Amounts.bindable(tree, ctx.getGenericType());
        return bindable == tree ? body : bindable.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** The parser's own words say what is wrong ("Unknown property ...", "Unexpected char ..."). */
    private static String innermost(Throwable t) {
        String message = "The body is not valid JSON for this operation.";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if ((c instanceof JsonException || c instanceof JsonbException) && c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
