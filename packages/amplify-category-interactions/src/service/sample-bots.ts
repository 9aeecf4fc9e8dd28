import type { LexIntent } from './lex-params';

export const SAMPLE_BOTS = ['BookTrip', 'OrderFlowers', 'ScheduleAppointment'] as const;
export type SampleBot = (typeof SAMPLE_BOTS)[number];

const slot = (name: string, type: string, prompt: string): LexIntent['slots'][number] => ({ name, type, prompt, required: true, customType: !type.startsWith('AMAZON.') });

/** The intents of each sample bot the walkthrough offers (the same three samples as the original, written here). */
export const SAMPLE_INTENTS: Record<SampleBot, LexIntent[]> = {
  BookTrip: [
    {
      intentName: 'BookHotel',
      utterances: ['Book a hotel', 'I want to make a hotel reservation', 'Book a {Nights} night stay in {Location}'],
      slots: [
        slot('Location', 'AMAZON.City', 'In which city will you be staying?'),
        slot('CheckInDate', 'AMAZON.Date', 'What day do you want to check in?'),
        slot('Nights', 'AMAZON.Number', 'How many nights will you be staying?'),
        slot('RoomType', 'RoomTypeValues', 'What type of room would you like, queen, king or deluxe?'),
      ],
      newSlotTypes: [{ slotTypeName: 'RoomTypeValues', slotTypeDescription: 'Type of room', slotValues: ['queen', 'king', 'deluxe'] }],
      confirmationQuestion: 'Okay, I have you down for a {Nights} night stay in {Location} starting {CheckInDate}. Shall I book the reservation?',
      cancelMessage: 'Okay, I have cancelled your reservation in progress.',
    },
    {
      intentName: 'BookCar',
      utterances: ['Book a car', 'Reserve a car', 'Make a car reservation'],
      slots: [
        slot('PickUpCity', 'AMAZON.City', 'In what city do you need to rent a car?'),
        slot('PickUpDate', 'AMAZON.Date', 'What day do you want to start your rental?'),
        slot('ReturnDate', 'AMAZON.Date', 'What day do you want to return the car?'),
        slot('DriverAge', 'AMAZON.Number', 'How old is the driver for this rental?'),
        slot('CarType', 'CarTypeValues', 'What type of car would you like to rent? Our most popular options are economy, midsize, and luxury'),
      ],
      newSlotTypes: [{ slotTypeName: 'CarTypeValues', slotTypeDescription: 'Type of car', slotValues: ['economy', 'standard', 'midsize', 'full size', 'minivan', 'luxury'] }],
      confirmationQuestion: 'Okay, I have you down for a {CarType} rental in {PickUpCity} from {PickUpDate} to {ReturnDate}. Should I book the reservation?',
      cancelMessage: 'Okay, I have cancelled your reservation in progress.',
    },
  ],
  OrderFlowers: [
    {
      intentName: 'OrderFlowers',
      utterances: ['I would like to pick up flowers', 'I would like to order some flowers', 'Order {FlowerType}'],
      slots: [
        slot('FlowerType', 'FlowerTypes', 'What type of flowers would you like to order?'),
        slot('PickupDate', 'AMAZON.Date', 'What day do you want the {FlowerType} to be picked up?'),
        slot('PickupTime', 'AMAZON.Time', 'At what time do you want the {FlowerType} to be picked up?'),
      ],
      newSlotTypes: [{ slotTypeName: 'FlowerTypes', slotTypeDescription: 'Types of flowers to pick up', slotValues: ['lilies', 'roses', 'tulips'] }],
      confirmationQuestion: 'Okay, your {FlowerType} will be ready for pickup by {PickupTime} on {PickupDate}. Does this sound okay?',
      cancelMessage: 'Okay, I will not place your order.',
    },
  ],
  ScheduleAppointment: [
    {
      intentName: 'MakeAppointment',
      utterances: ['I would like to book an appointment', 'Book an appointment', 'Book a {AppointmentType}'],
      slots: [
        slot('AppointmentType', 'AppointmentTypeValue', 'What type of appointment would you like to schedule?'),
        slot('Date', 'AMAZON.Date', 'When should I schedule your appointment?'),
        slot('Time', 'AMAZON.Time', 'At what time should I schedule your appointment?'),
      ],
      newSlotTypes: [{ slotTypeName: 'AppointmentTypeValue', slotTypeDescription: 'Type of dentist appointment to schedule', slotValues: ['cleaning', 'whitening', 'root canal'] }],
      confirmationQuestion: '{Time} is available, should I go ahead and book your appointment?',
      cancelMessage: 'Okay, I will not schedule an appointment.',
    },
  ],
};
