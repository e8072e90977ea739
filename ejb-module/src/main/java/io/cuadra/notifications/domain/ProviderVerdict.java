package io.cuadra.notifications.domain;

/**
 * What a provider's HTTP answer means for a message: taken (2xx); try again later (5xx, 408 timeout, 425, 429
 * rate limited: the provider may take it then); refused for good (any other 4xx: bad address, bad credentials,
 * unknown template; sending it again would get the same answer).
 */
public enum ProviderVerdict {
    ACCEPTED, RETRY, REFUSED;

    public static ProviderVerdict ofHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status >= 500 || status == 408 || status == 425 || status == 429) {
            return RETRY;
        }
        // 1xx/3xx are not answers a messaging API gives to a POST: treated as a refusal to look at, not a loop.
        return REFUSED;
    }
}
