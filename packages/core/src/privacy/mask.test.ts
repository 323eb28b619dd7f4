import { describe, expect, it } from 'vitest';
import { maskPii } from './mask.ts';

describe('maskPii', () => {
  it.each([
    ['我电话13812345678', '我电话138****5678'],
    ['电话 +86 138-1234-5678 谢谢', '电话 138****5678 谢谢'],
    ['座机010-87654321', '座机010-8765****'],
    ['身份证110101199003071234', '身份证1****************4'],
    ['身份证号11010119900307123X', '身份证号1****************X'],
    ['退款到6222 0212 3456 7890 123', '退款到***************0123'],
    ['邮箱 zhang.san@example.com', '邮箱 z***@example.com'],
    ['地址浙江省杭州市西湖区文三路90号东部软件园3号楼501室', '地址浙江省杭州市西湖区****'],
    ['寄到朝阳区建国路88号SOHO现代城', '寄到朝阳区****SOHO现代城'],
  ])('should mask %s', (input, masked) => {
    expect(maskPii(input)).toBe(masked);
  });

  it('should leave order numbers, prices and sizes alone', () => {
    for (const text of ['订单号 3912345678901234 什么时候发货', '178cm 70kg 穿什么码', '优惠后199元', '5月20号能到吗']) {
      expect(maskPii(text)).toBe(text);
    }
  });
});
