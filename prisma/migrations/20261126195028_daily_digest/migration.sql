-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'held';
