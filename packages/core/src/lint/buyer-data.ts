/** Shapes of buyer personal data that must never be written into a script. */
export const BUYER_DATA_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'mobile number', pattern: /(?<!\d)1[3-9]\d{9}(?!\d)/u },
  { name: 'ID card number', pattern: /(?<!\d)\d{17}[\dXx](?!\d)/u },
  { name: 'bank card number', pattern: /(?<!\d)\d{16,19}(?!\d)/u },
  { name: 'email address', pattern: /[\w.+-]+@[\w-]+\.[\w.]+/u },
  { name: 'street address', pattern: /[\p{Script=Han}]{2,}(?:省|市)[\p{Script=Han}]{1,}(?:区|县)[\p{Script=Han}\d]{1,}(?:路|街|道|巷)\d+号/u },
];
