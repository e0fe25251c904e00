import { IsBoolean, IsIn, isEmail, IsString, MaxLength, ValidateBy } from 'class-validator';
import { MOBILE_NUMBER } from '@lienthong/domain-notification';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './notification.entity';

/** An e-mail address on the EMAIL channel, a mobile number (0 and nine digits) on the SMS channel. */
const IsRecipientOfChannel = () =>
  ValidateBy({
    name: 'isRecipientOfChannel',
    validator: {
      validate: (value: unknown, args) => {
        const channel = (args?.object as OptOutDto).channel;
        return typeof value === 'string' && (channel === 'SMS' ? MOBILE_NUMBER.test(value) : isEmail(value));
      },
      defaultMessage: (args) => ((args?.object as OptOutDto).channel === 'SMS' ? 'recipient must be a mobile number (0 and nine digits)' : 'recipient must be an e-mail address'),
    },
  });

/** A recipient's choice on a channel: opted out (true) or back in (false). Mandatory notices are sent all the same. */
export class OptOutDto {
  @IsIn(NOTIFICATION_CHANNELS, { message: `channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel: NotificationChannel;

  @IsString()
  @MaxLength(254)
  @IsRecipientOfChannel()
  recipient: string;

  @IsBoolean()
  optedOut: boolean;
}
