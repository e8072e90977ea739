package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import io.cuadra.notifications.domain.Channel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;

/**
 * E-mail through the server's {@code mail/cuadra} session: text and HTML alternatives, attachments after them.
 * The Message-ID names the notification, so a mailbox sees a repeated hand-over as the same message.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Resource(lookup = "mail/cuadra")
    Session session;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        String messageId = "<notification-" + m.messageId() + "." + m.tenantId() + "@cuadra>";
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            InternetAddress to;
            try {
                to = new InternetAddress(m.recipient(), true);
            } catch (AddressException e) {
                throw new ProviderRefused("Invalid e-mail address " + m.recipient() + ": " + e.getMessage());
            }
            message.setRecipient(Message.RecipientType.TO, to);
            if (m.settings().emailFrom() != null) {
                message.setFrom(new InternetAddress(m.settings().emailFrom()));
            }
            message.setSubject(m.content().subject() == null ? "" : m.content().subject(), "UTF-8");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.content().text(), "UTF-8");
            alternatives.addBodyPart(text);
            if (m.content().html() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setContent("<!DOCTYPE html><html><body>" + m.content().html() + "</body></html>",
                        "text/html; charset=UTF-8");
                alternatives.addBodyPart(html);
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            mixed.addBodyPart(body);
            for (Attachment a : m.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(a.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
            message.saveChanges();
            Transport.send(message);
            return new Receipt(messageId, "Accepted by the SMTP server");
        } catch (SendFailedException e) {
            // The server refused the recipient itself (550 no such user...): retrying would get the same.
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new ProviderRefused("SMTP refused " + m.recipient() + ": " + e.getMessage());
            }
            throw new ProviderUnavailable("SMTP: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new ProviderUnavailable("SMTP: " + e.getMessage(), e);
        }
    }
}
