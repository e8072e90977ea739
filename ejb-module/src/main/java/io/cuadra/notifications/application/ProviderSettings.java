package io.cuadra.notifications.application;

/**
 * Where and as whom a tenant's messages go out: the tenant's row of {@code notification_settings}, each empty
 * column filled from MicroProfile Config ({@code cuadra.notifications.*}), which points at the stand-ins by default.
 * The WhatsApp app secret checks the signature of WhatsApp's webhooks; Twilio's are checked with the auth token.
 */
public record ProviderSettings(String emailFrom, String whatsappUrl, String whatsappVersion,
                               String whatsappPhoneNumberId, String whatsappToken, String smsUrl,
                               String smsAccountSid, String smsAuthToken, String smsFrom,
                               String whatsappAppSecret) {

    /** Which provider a channel's messages go to: the breaker's key (the channel and the provider's address). */
    public String provider(io.cuadra.notifications.domain.Channel channel) {
        return switch (channel) {
            case SMS -> "SMS " + smsUrl;
            case WHATSAPP -> "WHATSAPP " + whatsappUrl;
            default -> channel.name();
        };
    }

    /** The secret a provider signs its callbacks with: WhatsApp's app secret, Twilio's auth token. */
    public String signingSecret(io.cuadra.notifications.domain.Channel channel) {
        return channel == io.cuadra.notifications.domain.Channel.WHATSAPP ? whatsappAppSecret : smsAuthToken;
    }

    /** The same settings with secrets hidden, for answers to people. */
    public ProviderSettings masked() {
        return new ProviderSettings(emailFrom, whatsappUrl, whatsappVersion, whatsappPhoneNumberId,
                mask(whatsappToken), smsUrl, smsAccountSid, mask(smsAuthToken), smsFrom, mask(whatsappAppSecret));
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? secret : "****";
    }
}
