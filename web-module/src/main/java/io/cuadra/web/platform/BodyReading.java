package io.cuadra.web.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Marks every failure to read a request body as the client's (400), so that a failure to write a
 * response is never mistaken for one; and refuses an empty body where an operation expects JSON.
 */
@Provider
public class BodyReading implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        PushbackInputStream in = new PushbackInputStream(ctx.getInputStream(), 1);
        int first = in.read();
        if (first < 0) {
            throw new UnreadableBody("This operation needs a JSON body.", null);
        }
        in.unread(first);
        ctx.setInputStream(in);
        try {
            return ctx.proceed();
        } catch (JsonbException | JsonParsingException | ProcessingException e) {
            throw new UnreadableBody(innermost(e), e);
        }
    }

    /** The parser's own words say what is wrong ("Unknown property ...", "Unexpected char ..."). */
    private static String innermost(Throwable t) {
        String message = "The body is not valid JSON for this operation.";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if ((c instanceof JsonbException || c instanceof JsonParsingException) && c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
