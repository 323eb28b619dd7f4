export { signClaim, verifyClaim, type ClaimVerification } from './claim-token.ts';
