import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

/** SoTien as providers write it: integer đồng, as a JSON number or in decimal digits. */
const IsAmount = () =>
  ValidateBy({
    name: 'isAmount',
    validator: {
      validate: (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && /^\d{1,15}$/.test(value)),
      defaultMessage: () => 'SoTien must be an amount in whole đồng: a non-negative integer, as a number or in digits',
    },
  });

/** A provider's callback (message version 1.0.6): the fields its checksum covers, and the checksum. */
export class ProviderCallbackDto {
  @IsString()
  @MaxLength(30)
  LoaiBanTin: string;

  /** "00" is paid. */
  @IsString()
  @MaxLength(20)
  MaLoi: string;

  @IsString()
  @MaxLength(50)
  MaDoiTac: string;

  @IsString()
  @MaxLength(100)
  MaThamChieu: string;

  @IsAmount()
  SoTien: number | string;

  @IsString()
  @MaxLength(3)
  MaTienTe: string;

  @IsString()
  @MaxLength(100)
  MaGiaoDich: string;

  @IsString()
  @MaxLength(30)
  MaNganHang: string;

  @Matches(/^\d{14}$/, { message: 'ThoiGianGD must be a time as yyyyMMddHHmmss' })
  ThoiGianGD: string;

  @IsString()
  @MaxLength(500)
  ThongTinGiaoDich: string;

  @IsString()
  @MaxLength(128)
  MaXacThuc: string;
}
