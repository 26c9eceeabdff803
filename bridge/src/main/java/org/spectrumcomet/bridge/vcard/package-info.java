/** vCards of buddies and room occupants, built from what the session knows. */
package org.spectrumcomet.bridge.vcard;
