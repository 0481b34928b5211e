package com.hotlineops.contract.user;

import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /api/v1/users/{id}}: what an account says, all of it (a field left null is cleared, so repeating the same
 * edit changes nothing). The username is not editable; the rules are those of {@link NewUser}.
 */
public record UserEdit(String displayName, List<String> roles, UUID unitId, UUID gridId) {
}
