package io.cuadra.web.l10n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIData;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIMessages;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import org.primefaces.component.message.Message;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Shows every refusal about an input beside that input, on every form: before the view renders, an input
 * holding messages (a required value, a number that does not parse, a business refusal mapped to its field)
 * and shown by no {@code p:message} of the page gets one right after it, for this response only. Those
 * messages are marked shown, and the page's banner does not repeat them on top. Registered for
 * PreRenderViewEvent in faces-config.xml.
 */
public class FieldMessages implements SystemEventListener {

    static final String SUFFIX = "_fieldMessage";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        UIViewRoot root = ctx.getViewRoot();
        List<String> besideIds = new ArrayList<>();
        for (Iterator<String> ids = ctx.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId != null) {
                besideIds.add(clientId);
            }
        }
        boolean shownBeside = false;
        for (String clientId : besideIds) {
            UIInput input = inputOf(root, clientId);
            if (input == null) {
                continue; // a row of a table, or a component that is not an input: the banner shows it
            }
            if (!BusinessMessages.shownBeside(input)) {
                placeBeside(ctx, input);
            }
            ctx.getMessageList(clientId).forEach(FacesMessage::rendered);
            shownBeside = true;
        }
        if (shownBeside) {
            // The banners skip what is already shown beside its field.
            visitBanners(root);
        }
    }

    private static UIInput inputOf(UIViewRoot root, String clientId) {
        try {
            UIComponent c = root.findComponent(":" + clientId);
            if (!(c instanceof UIInput input) || !c.isRendered()) {
                return null;
            }
            for (UIComponent p = c.getParent(); p != null; p = p.getParent()) {
                if (p instanceof UIData || p.getClass().getSimpleName().equals("UIRepeat")) {
                    return null;
                }
            }
            return input;
        } catch (IllegalArgumentException e) {
            return null; // an id of a row ("table:3:qty") does not name a component of the tree
        }
    }

    private static void placeBeside(FacesContext ctx, UIInput input) {
        UIComponent parent = input.getParent();
        String id = input.getId() + SUFFIX;
        for (UIComponent sibling : parent.getChildren()) {
            if (id.equals(sibling.getId())) {
                return;
            }
        }
        Message message = new Message();
        message.setId(id);
        message.setFor(input.getId());
        message.setTransient(true); // for this response only: the next one rebuilds the form without it
        // Added without events: Mojarra would otherwise record it as a dynamic addition of the view, replayed
        // (and counted in the parent's dynamic children) on every later postback of the form.
        boolean processing = ctx.isProcessingEvents();
        ctx.setProcessingEvents(false);
        try {
            parent.getChildren().add(parent.getChildren().indexOf(input) + 1, message);
        } finally {
            ctx.setProcessingEvents(processing);
        }
        PartialViewContext partial = ctx.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isRenderAll()) {
            // The new message is in no element the browser has yet: redraw the input's enclosing component.
            for (UIComponent a = parent; a != null && !(a instanceof UIViewRoot); a = a.getParent()) {
                if (partial.getRenderIds().contains(a.getClientId(ctx))) {
                    return; // already redrawn with an enclosing component
                }
            }
            partial.getRenderIds().add((parent instanceof UIViewRoot ? input : parent).getClientId(ctx));
        }
    }

    private static void visitBanners(UIComponent c) {
        if (c instanceof UIMessages banner) {
            banner.setRedisplay(false);
        }
        for (Iterator<UIComponent> it = c.getFacetsAndChildren(); it.hasNext(); ) {
            visitBanners(it.next());
        }
    }
}
