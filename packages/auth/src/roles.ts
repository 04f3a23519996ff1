import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * What better-auth's organization plugin itself enforces (team, members, invitations): owners do
 * everything, admins manage members and invitations, members and viewers neither. What each role
 * may do with domains, alerts and settings is decided by the service functions (requireRole),
 * the one place for those rules.
 */
export const accessControl = createAccessControl(defaultStatements);

export const roles = {
  owner: accessControl.newRole(ownerAc.statements),
  admin: accessControl.newRole(adminAc.statements),
  member: accessControl.newRole(memberAc.statements),
  viewer: accessControl.newRole({ organization: [], member: [], invitation: [] }),
};
