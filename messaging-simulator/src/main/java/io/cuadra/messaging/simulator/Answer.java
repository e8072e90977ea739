package io.cuadra.messaging.simulator;

/** An HTTP answer: status and JSON body. */
record Answer(int status, String json) {
}
