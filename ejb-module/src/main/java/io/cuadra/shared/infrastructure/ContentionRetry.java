package io.cuadra.shared.infrastructure;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a boundary once more when its transaction was chosen as a deadlock victim or failed to
 * serialize: the other transaction has finished by then, so a second run usually goes through; a
 * second failure reaches the client as 409. A retry must rerun the whole transaction, so it only
 * happens where no transaction is open on entry (the boundary begins it through its EJB call), and
 * only at the outermost guarded call of a thread.
 */
@RetryOnContention
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 5)
public class ContentionRetry implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContentionRetry.class.getName());
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    /** The server's one registry, looked up by its standard name: field injection fails in the WAR's beans. */
    private static volatile TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext ctx) throws Exception {
        if (INSIDE.get() != null || registry().getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return ctx.proceed();
        }
        INSIDE.set(Boolean.TRUE);
        try {
            try {
                return ctx.proceed();
            } catch (Exception first) {
                var failure = SqlFailure.of(first);
                if (failure.isEmpty() || !failure.get().isContention()) {
                    throw first;
                }
                LOG.log(Level.INFO, "{0}.{1}: {2} ({3}); running it again", new Object[]{
                        ctx.getMethod().getDeclaringClass().getSimpleName(), ctx.getMethod().getName(),
                        failure.get().state(), firstLine(failure.get().message())});
                return ctx.proceed();
            }
        } finally {
            INSIDE.remove();
        }
    }

    private static TransactionSynchronizationRegistry registry() throws NamingException {
        TransactionSynchronizationRegistry r = transactions;
        if (r == null) {
            r = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
            transactions = r;
        }
        return r;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
