/** Thrown by {@link parseXml} and {@link buildXml} for input outside flat WeCom XML. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
  /** UTF-16 offset into the input where parsing stopped, or -1 when building. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(offset >= 0 ? `${message} at offset ${offset}` : message);
    this.offset = offset;
  }
}
