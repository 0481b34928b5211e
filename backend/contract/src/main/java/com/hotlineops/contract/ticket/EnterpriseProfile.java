package com.hotlineops.contract.ticket;

/**
 * The company behind an enterprise ticket (政企通, DESIGN.md §2.5): its name and its unified social credit code
 * (统一社会信用代码, 18 characters, GB 32100-2015). Either may be unknown (null) when the caller did not give it;
 * a code that is given must carry a valid check character, or the intake is refused.
 */
public record EnterpriseProfile(String companyName, String creditCode) {
}
