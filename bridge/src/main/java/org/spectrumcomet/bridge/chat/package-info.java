/**
 * 1:1 chat between an XMPP user and comet users: messages, receipts, chat states and attention
 * as JSON bodies on comet private channels, and back.
 */
package org.spectrumcomet.bridge.chat;
