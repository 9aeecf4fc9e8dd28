/** Printed before analytics and notifications walkthroughs, as the current original warns. */
export const PINPOINT_END_OF_LIFE =
  'Amazon Pinpoint stops accepting new customers and reaches its end of support on October 30, 2026; its engagement features move to AWS End User Messaging and Amazon Connect.';
