/** The app's one message socket: PDD pushes every authorised mall's messages to one client_id connection. */
export function messageSocketStub(env: Env) {
  return env.MESSAGE_SOCKET.get(env.MESSAGE_SOCKET.idFromName(env.PDD_CLIENT_ID));
}
