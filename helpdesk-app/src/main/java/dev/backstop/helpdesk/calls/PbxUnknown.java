package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.shared.BackstopException;

/**
 * The token in the CTI address belongs to no PBX endpoint, or to a revoked one. 404: the token is the address, and an
 * address that is not ours is not found (the PBX logs it; nobody learns whether a token once existed).
 */
public class PbxUnknown extends BackstopException {

    public PbxUnknown() {
        super(404, "calls.error.pbxUnknown");
    }
}
