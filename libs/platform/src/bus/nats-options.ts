/** Connection options shared by servers and clients: wait for NATS at start, reconnect forever after. */
export function natsOptions(url: string) {
  return {
    servers: url.split(','),
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  };
}
